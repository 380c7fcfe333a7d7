package io.relais.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EventChainTest {

    private static final Instant AT = Instant.parse("2026-03-13T16:00:00.123456Z");

    private static EventChain.Link link(long position, String data) {
        return new EventChain.Link(position - 6, position, "e-" + position, "relais.task.started.v1", "t-1", position - 1, AT, "amina",
                "c-1", data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldHashTheDocumentedFields_thenTheData_afterThePreviousHash() throws Exception {
        String expectedInput = EventChain.GENESIS + "\n1\n7\ne-7\nrelais.task.started.v1\nt-1\n6\n2026-03-13T16:00:00.123456Z\n"
                + "amina\nc-1\n{\"a\":1}";
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(expectedInput.getBytes(StandardCharsets.UTF_8));

        assertThat(EventChain.hash(EventChain.GENESIS, link(7, "{\"a\":1}")))
                .isEqualTo(java.util.HexFormat.of().formatHex(digest));
    }

    @Test
    void shouldChangeTheHash_whenAnyFieldOrThePredecessorChanges() {
        String base = EventChain.hash(EventChain.GENESIS, link(7, "{\"a\":1}"));

        assertThat(EventChain.hash(EventChain.GENESIS, link(7, "{\"a\":2}"))).isNotEqualTo(base);
        assertThat(EventChain.hash(EventChain.GENESIS, link(8, "{\"a\":1}"))).isNotEqualTo(base);
        assertThat(EventChain.hash(EventChain.GENESIS, new EventChain.Link(2, 7, "e-7", "relais.task.started.v1", "t-1",
                6, AT, "amina", "c-1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))).isNotEqualTo(base);
        assertThat(EventChain.hash("1".repeat(64), link(7, "{\"a\":1}"))).isNotEqualTo(base);
        var noActor = new EventChain.Link(1, 7, "e-7", "relais.task.started.v1", "t-1", 6, AT, null, "c-1",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(EventChain.hash(EventChain.GENESIS, noActor)).isNotEqualTo(base).hasSize(64);
    }

    @Test
    void shouldAcceptTheSignature_onlyFromTheSigningKey_andOnlyForTheSignedHead() throws Exception {
        KeyPair signer = KeyPairGenerator.getInstance(ChainHead.ALGORITHM).generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance(ChainHead.ALGORITHM).generateKeyPair();
        Instant signedAt = Instant.parse("2026-03-13T16:00:30Z");
        Signature signature = Signature.getInstance(ChainHead.ALGORITHM);
        signature.initSign(signer.getPrivate());
        signature.update(ChainHead.signedContent(42, "ab".repeat(32), 40, signedAt));
        String signed = Base64.getEncoder().encodeToString(signature.sign());

        ChainHead head = new ChainHead(42, "ab".repeat(32), 40, signedAt, "k", signed);

        assertThat(head.isSignedBy(signer.getPublic())).isTrue();
        assertThat(head.isSignedBy(other.getPublic())).isFalse();
        assertThat(new ChainHead(41, "ab".repeat(32), 40, signedAt, "k", signed).isSignedBy(signer.getPublic())).isFalse();
        assertThat(new ChainHead(42, "ab".repeat(32), 40, signedAt, "k", "not base64!").isSignedBy(signer.getPublic()))
                .isFalse();
    }
}
