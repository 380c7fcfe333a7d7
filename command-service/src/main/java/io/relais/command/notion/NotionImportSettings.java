package io.relais.command.notion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the Notion import. The upload is bounded by its own limit rather than {@code RELAIS_HTTP_MAX_BODY_BYTES}
 * (every other request body's, a few KiB): an export carries its pages' images, which the import skips without
 * inflating them. The other bounds are on what the CSV and Markdown inflate to, so that a small ZIP cannot expand
 * into gigabytes.
 *
 * @param maxUploadBytes       the uploaded ZIP, as sent (images included)
 * @param maxUncompressedBytes the database and pages once inflated
 * @param maxEntries           files and folders in the archive (nested archive included)
 * @param maxRows              rows of the database CSV
 */
@ConfigurationProperties("relais.notion")
record NotionImportSettings(@DefaultValue("33554432") long maxUploadBytes,
                            @DefaultValue("8388608") long maxUncompressedBytes,
                            @DefaultValue("2000") int maxEntries,
                            @DefaultValue("1000") int maxRows) {
}
