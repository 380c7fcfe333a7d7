package io.relais.command.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The schedule of the audit jobs (chain heads, denied attempts). Their topics are declared with the other topics the
 * command side writes, in {@code relay.RelayConfiguration}.
 */
@Configuration
@EnableScheduling
class AuditScheduling {
}
