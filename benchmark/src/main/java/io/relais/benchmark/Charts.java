package io.relais.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG charts (XChart): latency vs rate, freshness vs rate, closed-loop throughput vs clients. */
final class Charts {

    private Charts() {
    }

    /** One chart, one line per series; each series maps x to y. */
    static Path line(Path file, String title, String xTitle, String yTitle, Map<String, Map<Double, Double>> series,
                     boolean logY) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartTitleVisible(true);
        chart.getStyler().setMarkerSize(7);
        for (Map.Entry<String, Map<Double, Double>> line : series.entrySet()) {
            List<Double> xs = line.getValue().keySet().stream().sorted().toList();
            List<Double> ys = xs.stream().map(x -> Math.max(logY ? 0.01 : 0, line.getValue().get(x))).toList();
            if (xs.isEmpty()) {
                continue;
            }
            chart.addSeries(line.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            return null;
        }
        String name = file.getFileName().toString().replaceFirst("\\.png$", "");
        BitmapEncoder.saveBitmap(chart, file.getParent().resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
