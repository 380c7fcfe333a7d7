package io.relais.contract.process;

import java.util.List;

/**
 * Who does what for a procedure (seed 004: "Rôles, RACI"), each entry a role (e.g. {@code AGENT}) or a person.
 *
 * @param responsible who executes (the provider's assistant)
 * @param accountable who validates in the end (the client manager; one internal referent)
 * @param consulted   who is asked (support, finance)
 * @param informed    who is told (direction)
 */
public record Raci(List<String> responsible, String accountable, List<String> consulted, List<String> informed) {

    public Raci {
        responsible = List.copyOf(responsible);
        consulted = consulted == null ? List.of() : List.copyOf(consulted);
        informed = informed == null ? List.of() : List.copyOf(informed);
    }
}
