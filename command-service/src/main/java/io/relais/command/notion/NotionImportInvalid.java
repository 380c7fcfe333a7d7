package io.relais.command.notion;

/** Applying an import some of whose items have errors: refused whole (422), the report says which and why. */
class NotionImportInvalid extends RuntimeException {

    private final NotionImportReport report;

    NotionImportInvalid(NotionImportReport report) {
        super(report.summary().errors() + " of " + (report.sops().size() + report.rows().size())
                + " items of the export have errors; nothing was imported. Fix them (see 'report') and import again");
        this.report = report;
    }

    NotionImportReport report() {
        return report;
    }
}
