package io.relais.benchmark;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the benchmark tells the terminal while it runs. */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... arguments) {
        System.out.printf("[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(java.util.Locale.ROOT, format, arguments));
        System.out.flush();
    }
}
