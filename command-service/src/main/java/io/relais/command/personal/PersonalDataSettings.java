package io.relais.command.personal;

import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey        Base64 of the 32-byte AES key that wraps every subject key (the default is a development
 *                         key published in the README: set your own)
 * @param retentionMonths  personal data of tasks closed longer ago than this is erased (0 disables the purge)
 * @param retentionInterval how often the purge runs
 */
@ConfigurationProperties("relais.personal-data")
record PersonalDataSettings(String masterKey, int retentionMonths, Duration retentionInterval) {

    PersonalDataSettings {
        if (masterKey == null || Base64.getDecoder().decode(masterKey).length != 32) {
            throw new IllegalArgumentException("relais.personal-data.master-key must be Base64 of 32 bytes");
        }
        if (retentionMonths < 0) {
            throw new IllegalArgumentException("relais.personal-data.retention-months must be >= 0");
        }
    }

    byte[] masterKeyBytes() {
        return Base64.getDecoder().decode(masterKey);
    }

    @Override
    public String toString() {
        return "PersonalDataSettings[masterKey=<hidden>, retentionMonths=" + retentionMonths + ", retentionInterval="
                + retentionInterval + "]";
    }
}
