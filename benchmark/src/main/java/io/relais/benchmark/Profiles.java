package io.relais.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU profiles of a service under load: a JDK Flight Recorder recording (default settings: an execution sample every
 * 20 ms per thread, about 1 % overhead) started and stopped with jcmd around a phase, summarised from its execution samples (top frames, and the share of samples in which each code family
 * appears anywhere on the stack).
 */
final class Profiles {

    private static final String[][] FAMILIES = {
            {"org.postgresql", "PostgreSQL JDBC driver"}, {"com.zaxxer.hikari", "Hikari pool"},
            {"org.axonframework", "Axon"}, {"org.apache.kafka", "Kafka clients/streams"},
            {"org.rocksdb", "RocksDB"}, {"com.fasterxml.jackson", "Jackson"},
            {"org.springframework.security", "Spring Security"}, {"org.springframework.web", "Spring MVC"},
            {"org.apache.catalina", "Tomcat"}, {"org.apache.coyote", "Tomcat"}, {"org.apache.tomcat", "Tomcat"},
            {"org.hibernate.validator", "Bean validation"}, {"com.nimbusds", "JWT (Nimbus)"},
            {"io.cloudevents", "CloudEvents"}, {"io.relais", "Relais code"}, {"sun.security", "JDK crypto"},
            {"java.security", "JDK crypto"}, {"org.flywaydb", "Flyway"}, {"ch.qos.logback", "Logback"},
            {"org.springframework.transaction", "Spring transactions"}, {"java.util.zip", "zip"}};

    private Profiles() {
    }

    static boolean start(long pid, String name, Path file) {
        return jcmd(pid, "JFR.start", "name=" + name, "settings=default", "filename=" + file);
    }

    static boolean stop(long pid, String name) {
        return jcmd(pid, "JFR.stop", "name=" + name);
    }

    private static boolean jcmd(long pid, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int code = process.waitFor();
            if (code != 0) {
                Progress.say("jcmd %s failed: %s", String.join(" ", arguments), output.strip());
            }
            return code == 0;
        } catch (IOException | InterruptedException failed) {
            Progress.say("jcmd unavailable: %s", failed);
            return false;
        }
    }

    /** Top frames and code families of the recording's execution samples. */
    static Map<String, Object> summarise(Path file, int top) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> families = new HashMap<>();
        Map<String, Integer> relaisFrames = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame first = frames.get(0);
            topFrames.merge(first.getMethod().getType().getName() + "." + first.getMethod().getName(), 1,
                    Integer::sum);
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.relais")).findFirst()
                    .ifPresent(f -> relaisFrames.merge(f.getMethod().getType().getName() + "."
                            + f.getMethod().getName(), 1, Integer::sum));
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                for (String[] family : FAMILIES) {
                    if (type.startsWith(family[0]) && seen.add(family[1])) {
                        families.merge(family[1], 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples);
        summary.put("topFramesPercent", percentages(topFrames, samples, top));
        summary.put("onStackPercent", percentages(families, samples, top));
        // the innermost Relais method of each sample: which product code the time is spent under
        summary.put("innermostRelaisFramePercent", percentages(relaisFrames, samples, top));
        return summary;
    }

    static Map<String, Double> percentages(Map<String, Integer> counts, int total, int top) {
        Map<String, Double> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> result.put(e.getKey(), Math.round(1000d * e.getValue() / Math.max(1, total)) / 10d));
        return result;
    }
}
