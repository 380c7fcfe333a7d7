package io.relais.command.engagement;

import io.relais.contract.sla.CalendarSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract with a provider as an administrator records it (seed 004: "Contrat + SLA signés", "DPA en place";
 * 45 €/h in-house against 18 €/h with the provider). Id, author and time are the server's; unknown fields are
 * refused by the JSON reader.
 *
 * @param agents             the provider's assistants who may be assigned tasks (user names, as they log in)
 * @param internalHourlyRate what an hour costs in-house (€), the basis of "savings"
 * @param providerHourlyRate what an hour costs with this provider (€)
 * @param calendar           optional, {@link CalendarSpec#FRANCE_DEFAULT} when absent
 * @param dpaSigned          required: whether the data processing agreement is signed (access grants need it)
 * @param plannedEndOn       must be after {@code startsOn} (checked by the aggregate)
 */
public record EngagementBody(
        @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters")
        String providerOrganisation,
        @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = USER_NAME,
                message = "must be a user name without spaces (at most 100 characters)") String> agents,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 2)
        BigDecimal internalHourlyRate,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 2)
        BigDecimal providerHourlyRate,
        @Valid CalendarBody calendar,
        @NotNull Boolean dpaSigned,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate plannedEndOn) {

    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String USER_NAME = "[^\\s\\p{Cntrl}]{1,100}";

    EngagementCommands.StartEngagement toCommand(String engagementId, String startedBy, java.time.Instant startedAt) {
        return new EngagementCommands.StartEngagement(engagementId, providerOrganisation.strip(),
                agents.stream().distinct().toList(), internalHourlyRate, providerHourlyRate,
                calendar == null ? CalendarSpec.FRANCE_DEFAULT : calendar.toSpec(), dpaSigned, startsOn, plannedEndOn,
                startedBy, startedAt);
    }
}
