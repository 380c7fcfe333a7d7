package io.relais.contract.personal;

import java.time.Instant;

/**
 * A data subject's key was destroyed: every {@link Personal} field sealed with it now reads
 * {@link PersonalDataEnvelope#ERASED}, in the event store, on every topic and in every copy. It carries no personal
 * data: which subject, why, who, when. Subscribers that kept plain text of that subject must delete it.
 *
 * @param subjectId the data subject ({@link DataSubjects}, e.g. {@code task-6f1c…}), also the key and CloudEvents subject
 * @param reason    why (a request reference, the retention rule); must not itself name the person
 * @param cause     an administrator's request or the retention purge
 * @param erasedBy  the administrator, or {@code retention} for the purge
 */
public record PersonalDataErased(String subjectId, String reason, ErasureCause cause, String erasedBy,
                                 Instant erasedAt) {
}
