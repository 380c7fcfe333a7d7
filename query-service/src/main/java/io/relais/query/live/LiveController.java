package io.relais.query.live;

import io.relais.websupport.security.ActorResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events: what changed, once it is committed (see {@link LiveUpdates}). */
@RestController
class LiveController {

    static final String PATH = "/api/live";

    private final LiveUpdates live;
    private final ActorResolver actors;

    LiveController(LiveUpdates live, ActorResolver actors) {
        this.live = live;
        this.actors = actors;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream() {
        return ResponseEntity.ok()
                .header("X-Accel-Buffering", "no") // a buffering reverse proxy would hold the events back
                .body(live.subscribe(actors.require()));
    }
}
