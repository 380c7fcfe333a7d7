package io.relais.query.review;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The review's PDF, laid out by openhtmltopdf (PDFBox) from the very XHTML the HTML report serves. */
final class WeeklyReviewPdf {

    private WeeklyReviewPdf() {
    }

    static byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32_768);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Relais");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("The weekly review's PDF could not be rendered", failed);
        }
        return pdf.toByteArray();
    }
}
