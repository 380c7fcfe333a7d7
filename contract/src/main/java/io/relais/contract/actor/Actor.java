package io.relais.contract.actor;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated principal behind an action, as recorded with every event.
 *
 * @param organisation the company for internal staff, the provider's organisation for agents
 */
public record Actor(String name, Set<Role> roles, String organisation) {

    public Actor {
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Roles as carried in the {@code actorroles} CloudEvents extension: comma-separated, in declaration order. */
    public String rolesAsText() {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }

    public static Set<Role> rolesFromText(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
