package chatlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One browser session of the web client's API, over real HTTP: its own cookie jar and CSRF token. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    final String base;
    final HttpClient http;
    String csrf;

    record Reply(int status, JsonNode json, HttpResponse<byte[]> raw) {
        String code() {
            return json.path("code").asText(null);
        }
    }

    Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens the session: a cookie and a CSRF token. */
    Api open() throws Exception {
        csrf = get("/api/session").json().get("csrf").asText();
        return this;
    }

    Api signup(String user, String password) throws Exception {
        Reply reply = post("/api/signup", Map.of("user", user, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("signup of " + user + " failed: " + reply.json());
        }
        return this;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return postRaw(path, JSON.writeValueAsString(body), "application/json", csrf);
    }

    Reply postRaw(String path, String body, String contentType, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header(WebServer.CSRF_HEADER, token);
        }
        return send(request);
    }

    /** Uploads a file as the page does, as multipart/form-data. */
    Reply upload(String conversation, String fileName, byte[] content) throws IOException, InterruptedException {
        return multipart("/api/files", Map.of("conversation", conversation), "file", fileName, content, csrf);
    }

    /** A multipart/form-data POST: text fields, and one file in the field {@code fileField}. */
    Reply multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content,
            String token) throws IOException, InterruptedException {
        String boundary = "chatlabBoundary" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (token != null) {
            request.header(WebServer.CSRF_HEADER, token);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json;
        String type = response.headers().firstValue("Content-Type").orElse("");
        json = type.startsWith("application/json") ? JSON.readTree(response.body()) : JSON.createObjectNode();
        return new Reply(response.statusCode(), json, response);
    }
}
