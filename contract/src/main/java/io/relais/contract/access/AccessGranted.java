package io.relais.contract.access;

import java.time.Instant;

/**
 * A principal was given access to a resource (BRIEF §2 Access). The grant is the unit auditors reason about: it
 * ends with exactly one of {@link AccessRevoked} or {@link AccessExpired}.
 *
 * @param grantId      the grant's id, also the Kafka key and the CloudEvents subject
 * @param principal    who may access (a user name, as the identity provider knows it)
 * @param organisation the principal's organisation: the company, or the provider an agent works for
 * @param resource     what may be accessed, e.g. {@code payroll-folder}, as the SOPs' prerequisites name it
 * @param purpose      why, in the grantor's words (RGPD: every access has a purpose)
 * @param engagementId the provider contract the grant hangs on (an agent's grant), null for the company's own staff
 * @param expiresAt    when the grant ends by itself; never after the engagement's planned end; null: no expiry
 */
public record AccessGranted(String grantId, String principal, String organisation, String resource, AccessLevel level,
                            String purpose, String engagementId, Instant expiresAt, String grantedBy,
                            Instant grantedAt) {
}
