package io.relais.command.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param companyOrganisation the organisation of the company's own staff, recorded on grants to principals who are
 *                            nobody's provider agent (env {@code RELAIS_COMPANY_ORGANISATION})
 */
@ConfigurationProperties("relais.access")
public record AccessSettings(@DefaultValue("acme") String companyOrganisation) {
}
