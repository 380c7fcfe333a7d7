package io.relais.command.notion;

import org.springframework.http.HttpStatus;

/**
 * The upload is not a Notion export this import can read at all (not a ZIP, no database CSV, no header, too large,
 * a path escaping the archive): answered as a problem naming what is wrong, before anything is planned or written.
 */
class NotionExportRefused extends RuntimeException {

    private final HttpStatus status;

    NotionExportRefused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static NotionExportRefused invalid(String message) {
        return new NotionExportRefused(HttpStatus.BAD_REQUEST, message);
    }

    static NotionExportRefused tooLarge(String message) {
        return new NotionExportRefused(HttpStatus.PAYLOAD_TOO_LARGE, message);
    }

    HttpStatus status() {
        return status;
    }
}
