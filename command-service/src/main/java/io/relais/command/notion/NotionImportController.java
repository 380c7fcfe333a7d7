package io.relais.command.notion;

import io.relais.command.notion.NotionImportReport.Include;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.Problems;
import io.relais.websupport.correlation.CorrelationId;
import io.relais.websupport.security.ActorResolver;
import io.relais.websupport.security.DeniedAttempt;
import io.relais.websupport.security.DeniedAttemptRecorder;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports seed 004's Notion workspace: the ZIP of "Export → Markdown & CSV", either as the whole body
 * ({@code application/zip}) or as the {@code file} part of a form. A dry run by default: {@code dryRun=false}
 * writes. Who may import which part is {@link NotionImportAccessRules} and {@link Include}.
 */
@RestController
@RequestMapping(path = "/api/imports/notion", produces = MediaType.APPLICATION_JSON_VALUE)
class NotionImportController {

    static final URI IMPORT_INVALID = URI.create("urn:relais:problem:notion-import-invalid");
    static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:relais:problem:unsupported-media-type");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final NotionImport imports;
    private final ActorResolver actors;
    private final DeniedAttemptRecorder deniedAttempts;
    private final Clock clock;

    NotionImportController(NotionImport imports, ActorResolver actors, DeniedAttemptRecorder deniedAttempts,
                           Clock clock) {
        this.imports = imports;
        this.actors = actors;
        this.deniedAttempts = deniedAttempts;
        this.clock = clock;
    }

    @Operation(summary = "Import a Notion export (ZIP body)", description = """
            The ZIP Notion's "Export → Markdown & CSV" produces, as it is: the "Back-office Ops" database CSV and \
            the SOP pages (Markdown). SOP pages become procedures, rows become task requests, as the caller. \
            `dryRun` (default **true**) only reports what would be created; `dryRun=false` applies, all or \
            nothing: any item in ERROR refuses the whole import (422, with the report). Importing the same export \
            again creates nothing twice (SKIPPED_DUPLICATE). `include`: ALL (ADMIN and APPROVER), SOPS (ADMIN), \
            ROWS (APPROVER).""")
    @ApiResponse(responseCode = "200", description = "The report: one entry per SOP page and per row")
    @ApiResponse(responseCode = "415", description = "The body is neither a ZIP nor a multipart form",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(value = """
                            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                             "detail": "Content-Type 'text/csv' is not supported.", "instance": "/api/imports/notion"}""")))
    @ApiResponse(responseCode = "422", description = "Applying, some rows or pages have errors: nothing was written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(value = """
                            {"type": "urn:relais:problem:notion-import-invalid", "title": "Notion import has errors",
                             "status": 422, "detail": "3 of 10 items of the export have errors; nothing was imported. \
                            Fix them (see 'report') and import again", "instance": "/api/imports/notion",
                             "report": {"summary": {"errors": 3}}}""")))
    @PostMapping(consumes = {"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    NotionImportReport importZip(@RequestBody byte[] zip,
                                 @RequestParam(defaultValue = "true") boolean dryRun,
                                 @RequestParam(defaultValue = "ALL") Include include) {
        return imports.run(zip, include, dryRun, actors.require());
    }

    @Operation(summary = "Import a Notion export (form upload, part 'file')",
            description = "The same import, the ZIP sent as the `file` part of a multipart form.")
    @ApiResponse(responseCode = "200", description = "The report: one entry per SOP page and per row")
    @ApiResponse(responseCode = "422", description = "Applying, some rows or pages have errors: nothing was written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(value = """
                            {"type": "urn:relais:problem:notion-import-invalid", "title": "Notion import has errors",
                             "status": 422, "detail": "3 of 10 items of the export have errors; nothing was imported. \
                            Fix them (see 'report') and import again", "instance": "/api/imports/notion"}""")))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    NotionImportReport importForm(@RequestPart("file") MultipartFile file,
                                  @RequestParam(defaultValue = "true") boolean dryRun,
                                  @RequestParam(defaultValue = "ALL") Include include) throws IOException {
        return imports.run(file.getBytes(), include, dryRun, actors.require());
    }

    @ExceptionHandler(NotionExportRefused.class)
    ResponseEntity<ProblemDetail> refused(NotionExportRefused refused) {
        HttpStatus status = refused.status();
        ProblemDetail problem = Problems.of(status, status == HttpStatus.PAYLOAD_TOO_LARGE
                        ? ProblemTypes.PAYLOAD_TOO_LARGE : ProblemTypes.INVALID_REQUEST,
                status == HttpStatus.PAYLOAD_TOO_LARGE ? "Notion export too large" : "Not a Notion export",
                refused.getMessage());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Refused like a role rule refuses (recorded for the audit trail), with the part the caller may import. */
    @ExceptionHandler(NotionImportForbidden.class)
    ResponseEntity<ProblemDetail> forbidden(NotionImportForbidden forbidden, HttpServletRequest request) {
        deniedAttempts.record(new DeniedAttempt(UUID.randomUUID(), clock.instant(), DeniedAttempt.Kind.FORBIDDEN,
                actors.require().name(), request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                CorrelationId.of(request), reason(forbidden.getMessage())));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", forbidden.getMessage()));
    }

    /** As web-support records its own refusals: the stored reason is at most 512 characters. */
    private static String reason(String message) {
        return message.length() <= 512 ? message : message.substring(0, 512);
    }

    @ExceptionHandler(NotionImportInvalid.class)
    ResponseEntity<ProblemDetail> invalid(NotionImportInvalid invalid) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, IMPORT_INVALID,
                "Notion import has errors", invalid.getMessage());
        problem.setProperty("report", invalid.report());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
