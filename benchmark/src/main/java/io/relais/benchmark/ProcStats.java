package io.relais.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads /proc (Linux): peak and current resident memory, CPU time. Returns NaN elsewhere. */
final class ProcStats {

    /** clock ticks per second of /proc/<pid>/stat; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double CLOCK_TICKS = 100d;

    private ProcStats() {
    }

    static double statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Double.parseDouble(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static double cpuSeconds(long pid) {
        try {
            return parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / CLOCK_TICKS;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /** utime + stime of a /proc/<pid>/stat line (fields 14 and 15; the command name may hold spaces). */
    static long parseCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Machine-wide CPU ticks (busy, total) from /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException unknown) {
            return new long[] {0, 0};
        }
    }
}
