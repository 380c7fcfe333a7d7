package io.relais.query.export;

/** Where an export job stands. */
enum ExportStatus {
    /** Reading the tables and writing the archive. */
    RUNNING,
    /** The archive is ready for download. */
    DONE,
    /** Stopped by an error (or by a stop of the service): no archive; start another export. */
    FAILED
}
