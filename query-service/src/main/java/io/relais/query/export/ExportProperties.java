package io.relais.query.export;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the full export (README, "Export"); each has a default and an environment override.
 *
 * @param directory        where archives are written, one {@code <id>.zip} per export ({@code RELAIS_EXPORT_DIRECTORY},
 *                         default {@code <java.io.tmpdir>/relais-exports})
 * @param fetchSize        rows fetched per round trip while streaming a table ({@code RELAIS_EXPORT_FETCH_SIZE})
 * @param progressInterval how often the progress of a running export is saved ({@code RELAIS_EXPORT_PROGRESS_INTERVAL})
 * @param relaisVersion    the version written into each manifest (the build's project version)
 */
@ConfigurationProperties("relais.export")
record ExportProperties(Path directory, Integer fetchSize, Duration progressInterval, String relaisVersion) {

    ExportProperties {
        if (directory == null) {
            directory = Path.of(System.getProperty("java.io.tmpdir"), "relais-exports");
        }
        if (fetchSize == null || fetchSize < 1) {
            fetchSize = 500;
        }
        if (progressInterval == null || progressInterval.isNegative()) {
            progressInterval = Duration.ofSeconds(1);
        }
        if (relaisVersion == null || relaisVersion.isBlank() || relaisVersion.startsWith("@")) {
            String fromJar = ExportProperties.class.getPackage().getImplementationVersion();
            relaisVersion = fromJar == null ? "unknown" : fromJar;
        }
    }
}
