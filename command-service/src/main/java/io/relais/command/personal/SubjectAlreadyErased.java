package io.relais.command.personal;

/** A subject is erased once: a second erasure is a 409 and writes nothing. */
class SubjectAlreadyErased extends RuntimeException {

    SubjectAlreadyErased(String subjectId) {
        super("The personal data of " + subjectId + " was already erased");
    }
}
