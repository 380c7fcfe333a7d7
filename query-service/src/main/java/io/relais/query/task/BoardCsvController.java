package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import io.relais.websupport.security.ActorResolver;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The board ({@code GET /api/board}) as one CSV file for Notion (seed 004's "Back-office Ops" database): the same
 * lines, filters, order and visibility, every page of them. Read page by page ({@link BoardController#MAX_LIMIT}
 * lines a query), so memory does not grow with the board.
 */
@RestController
class BoardCsvController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String FILE_NAME = "Back-office Ops.csv";

    private final BoardReader board;
    private final ActorResolver actors;

    BoardCsvController(BoardReader board, ActorResolver actors) {
        this.board = board;
        this.actors = actors;
    }

    /** Same parameters as {@code GET /api/board}, without {@code cursor} and {@code limit}: all lines. */
    @GetMapping(path = "/api/board/export.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam Optional<List<TaskStatus>> status,
                                                 @RequestParam Optional<String> type,
                                                 @RequestParam Optional<List<TaskPriority>> priority,
                                                 @RequestParam Optional<String> provider,
                                                 @RequestParam Optional<String> owner,
                                                 @RequestParam Optional<List<BoardSlaState>> sla,
                                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                                 Optional<Instant> from,
                                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                                 Optional<Instant> to,
                                                 @RequestParam(defaultValue = "REQUESTED_AT") BoardSort sort,
                                                 @RequestParam Optional<BoardController.Direction> direction) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw BoardController.invalid("from must be before to");
        }
        boolean descending = direction.map(d -> d == BoardController.Direction.DESC).orElse(sort.descendingByDefault);
        TaskVisibility visibility = TaskVisibility.of(actors.require());
        BoardQuery first = new BoardQuery(BoardController.set(status, TaskStatus.class),
                type.filter(t -> !t.isBlank()).map(t -> t.trim().toUpperCase(Locale.ROOT)),
                BoardController.set(priority, TaskPriority.class), BoardController.nonBlank(provider),
                BoardController.nonBlank(owner), BoardController.set(sla, BoardSlaState.class), from, to, sort,
                descending, Optional.empty(), BoardController.MAX_LIMIT);
        // The first page is read before answering: a failing query is still a problem answer, not a cut-off file.
        BoardPage<BoardRow> firstPage = board.page(visibility, first);
        StreamingResponseBody body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            BoardCsv csv = new BoardCsv(writer);
            csv.header();
            BoardPage<BoardRow> page = firstPage;
            while (true) {
                write(csv, page);
                if (page.next() == null) {
                    break;
                }
                page = board.page(visibility, new BoardQuery(first.statuses(), first.type(), first.priorities(),
                        first.provider(), first.owner(), first.slaStates(), first.from(), first.to(), first.sort(),
                        first.descending(), Optional.of(page.next()), first.limit()));
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(FILE_NAME).build().toString())
                .body(body);
    }

    private static void write(BoardCsv csv, BoardPage<BoardRow> page) throws IOException {
        for (BoardRow row : page.items()) {
            csv.line(row);
        }
    }
}
