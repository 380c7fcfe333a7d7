package io.relais.command.audit;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence over the event store, for AUDITOR and ADMIN ({@link AuditAccessRules}). A broken chain is a
 * finding, not an error: it is answered 200 with status BROKEN and the first position where the chain breaks.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private final ChainVerifier verifier;

    AuditController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verification")
    ChainVerification verify() {
        return verifier.verify();
    }
}
