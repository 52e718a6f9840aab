package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;

/** The JSON shape every component answer shares, and the reader's static files. */
final class HiPkiAnswers {

    /** The version the virtual component reports, in the real component's four-part form. */
    static final String VERSION = "1.3.4.103";

    private HiPkiAnswers() {
    }

    /** {@code {"func", "ret_code", "last_error", "version"}}; more members follow on success. */
    static ObjectNode answer(String func, int retCode, int lastError) {
        return Exchanges.object()
                .put("func", func)
                .put("ret_code", retCode)
                .put("last_error", lastError)
                .put("version", VERSION);
    }

    static ObjectNode error(String func, HiPkiError error) {
        return answer(func, error.retCode(), error.lastError());
    }

    static byte[] resource(String name) {
        try (InputStream in = HiPkiAnswers.class.getResourceAsStream("/card/" + name)) {
            if (in == null) {
                throw new IllegalStateException("card/" + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
