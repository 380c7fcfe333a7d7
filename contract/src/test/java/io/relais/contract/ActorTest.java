package io.relais.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void shouldWriteRolesInDeclarationOrder_andReadThemBack() {
        Actor actor = new Actor("marc", Set.of(Role.AUDITOR, Role.APPROVER), "acme");

        assertThat(actor.rolesAsText()).isEqualTo("APPROVER,AUDITOR");
        assertThat(Actor.rolesFromText(actor.rolesAsText())).containsExactly(Role.APPROVER, Role.AUDITOR);
    }

    @Test
    void shouldReadNoRoles_fromBlankText() {
        assertThat(Actor.rolesFromText(" ")).isEmpty();
        assertThat(new Actor("x", Set.of(), null).rolesAsText()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        assertThatThrownBy(() -> Actor.rolesFromText("APPROVER,GOD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotLetCallersChangeTheRolesAfterwards() {
        Actor actor = new Actor("amina", java.util.EnumSet.of(Role.AGENT), "backoffice-pro");

        assertThatThrownBy(() -> actor.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(actor.has(Role.AGENT)).isTrue();
        assertThat(actor.has(Role.ADMIN)).isFalse();
    }
}
