package io.relais.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        doNotPhoneHome();
        SpringApplication.run(CommandServiceApplication.class, args);
    }

    /**
     * Axon 4.12 reports its version and a machine id to its vendor at start-up unless told not to. A system
     * of record for confidential back-office work makes no outbound call nobody asked for; an operator who
     * wants the check sets AXONIQ_UPDATE_CHECKER_DISABLED=false.
     */
    static void doNotPhoneHome() {
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }
}
