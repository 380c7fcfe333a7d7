package io.relais.command.task;

/** The request is well-formed but names something that cannot be: answered 400 naming the field. */
public class InvalidTaskRequest extends RuntimeException {

    public InvalidTaskRequest(String message) {
        super(message);
    }
}
