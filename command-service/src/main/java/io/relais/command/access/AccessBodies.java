package io.relais.command.access;

import io.relais.contract.access.AccessLevel;
import io.relais.contract.access.ReviewDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The request bodies of the access endpoints; unknown fields are refused by the JSON reader. */
final class AccessBodies {

    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String USER_NAME = "[^\\s\\p{Cntrl}]{1,100}";

    private AccessBodies() {
    }

    /**
     * @param principal    who gets access, as they log in
     * @param resource     what they may access, as the SOPs name it (e.g. {@code payroll-folder})
     * @param expiresAt    optional; for a provider's agent capped at the engagement's planned end (and set to it when
     *                     absent)
     * @param organisation optional for the company's own staff (the company by default); a provider's agent's
     *                     organisation is their engagement's, and a different one is refused
     */
    record GrantBody(
            @NotBlank @Pattern(regexp = USER_NAME, message = "must be a user name without spaces (at most 100 characters)")
            String principal,
            @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters")
            String resource,
            @NotNull AccessLevel level,
            @NotBlank @Size(max = 1000) String purpose,
            Instant expiresAt,
            @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters")
            String organisation) {
    }

    record RevokeBody(@NotBlank @Size(max = 1000) String reason) {
    }

    record ReviewBody(@NotNull ReviewDecision decision, @Size(max = 1000) String comment) {
    }
}
