package io.relais.command.notion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the Notion import. The upload itself is bounded first by {@code RELAIS_HTTP_MAX_BODY_BYTES} (every
 * request body); these bound what it inflates to, so that a small ZIP cannot expand into gigabytes.
 *
 * @param maxUncompressedBytes the archive's content once inflated
 * @param maxEntries           files and folders in the archive (nested archive included)
 * @param maxRows              rows of the database CSV
 */
@ConfigurationProperties("relais.notion")
record NotionImportSettings(@DefaultValue("8388608") long maxUncompressedBytes,
                            @DefaultValue("2000") int maxEntries,
                            @DefaultValue("1000") int maxRows) {
}
