package io.relais.query.rebuild;

import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The projections' checksums, and their rebuild by replay with its progress. */
@RestController
@RequestMapping(ProjectionAdminController.BASE)
class ProjectionAdminController {

    static final String BASE = "/api/admin/projections";

    private final ProjectionChecksums checksums;
    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionChecksums checksums, ProjectionRebuilds rebuilds) {
        this.checksums = checksums;
        this.rebuilds = rebuilds;
    }

    /** Per projection table its rows and SHA-256, and overall (see {@link ProjectionChecksums}). */
    @GetMapping("/checksums")
    ProjectionChecksums.Report checksums() {
        return checksums.compute();
    }

    /** 202 with the job's {@code Location}; 409 while another rebuild runs. No body. */
    @PostMapping("/rebuild")
    ResponseEntity<RebuildJob.View> rebuild(Principal caller) {
        RebuildJob.View job = rebuilds.start(caller.getName());
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(job.id())
                        .toUri())
                .body(job);
    }

    @GetMapping("/rebuild/{id}")
    RebuildJob.View rebuild(@PathVariable UUID id) {
        return rebuilds.find(id).orElseThrow(() -> new RebuildNotFoundException(id));
    }
}
