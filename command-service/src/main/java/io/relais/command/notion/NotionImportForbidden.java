package io.relais.command.notion;

/** The caller's roles do not allow the parts {@code include} names: 403, recorded as a denied attempt. */
class NotionImportForbidden extends RuntimeException {

    NotionImportForbidden(String message) {
        super(message);
    }
}
