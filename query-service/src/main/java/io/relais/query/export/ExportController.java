package io.relais.query.export;

import io.relais.websupport.security.ActorResolver;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The full export (issue 7, reversibility): start one, follow it, download its archive. ADMIN and AUDITOR only. */
@RestController
@RequestMapping("/api/exports")
class ExportController {

    static final int MAX_LIMIT = 500;
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Exports exports;
    private final ActorResolver actors;
    private final ExportProperties properties;

    ExportController(Exports exports, ActorResolver actors, ExportProperties properties) {
        this.exports = exports;
        this.actors = actors;
        this.properties = properties;
    }

    /** 202 with the new export; it runs in the background. 409 while another export is running. */
    @PostMapping
    ResponseEntity<ExportView> start() {
        ExportJob job = exports.start(actors.require());
        return ResponseEntity.accepted().location(URI.create("/api/exports/" + job.id())).body(ExportView.of(job));
    }

    /** Newest first. */
    @GetMapping
    List<ExportView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return exports.list(limit).stream().map(ExportView::of).toList();
    }

    @GetMapping("/{id}")
    ExportView get(@PathVariable UUID id) {
        return ExportView.of(exports.find(id).orElseThrow(() -> ExportProblems.notFound(id)));
    }

    /** The ZIP once DONE; {@code Repr-Digest} (RFC 9530) carries its SHA-256, as GET /api/exports/{id} does. */
    @GetMapping("/{id}/archive")
    ResponseEntity<Resource> archive(@PathVariable UUID id) {
        ExportJob job = exports.find(id).orElseThrow(() -> ExportProblems.notFound(id));
        if (job.status() != ExportStatus.DONE) {
            throw ExportProblems.notReady(job);
        }
        Path file = properties.directory().resolve(job.archiveFile());
        if (!Files.isRegularFile(file)) {
            throw ExportProblems.archiveGone(id);
        }
        return ResponseEntity.ok()
                .contentType(ZIP)
                .contentLength(job.archiveSize())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("relais-export-" + id + ".zip").build().toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(job.archiveSha256())) + ":")
                .body(new FileSystemResource(file));
    }
}
