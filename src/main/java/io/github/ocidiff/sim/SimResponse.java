package io.github.ocidiff.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer: status, headers and body bytes; {@code list} marks bodies that may be truncated by faults. */
record SimResponse(int status, Map<String, String> headers, byte[] body, boolean list) {
    static final ObjectMapper JSON = new ObjectMapper();

    static SimResponse json(JsonNode node) {
        return new SimResponse(200, Map.of("Content-Type", "application/json"), write(node), false);
    }

    static SimResponse jsonList(List<JsonNode> items) {
        return new SimResponse(200, Map.of("Content-Type", "application/json"), write(JSON.valueToTree(items)), true);
    }

    /** A page as a bare JSON array, or wrapped as {"items": [...]} (Search's collection shape). */
    static SimResponse page(Page page, boolean wrapItems) {
        JsonNode array = JSON.valueToTree(page.items());
        JsonNode body = wrapItems ? JSON.createObjectNode().set("items", array) : array;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (page.nextOffset() != null) {
            headers.put("opc-next-page", PageToken.encode(page.nextOffset()));
        }
        return new SimResponse(200, headers, write(body), true);
    }

    static SimResponse bytes(int status, Map<String, String> headers, byte[] body) {
        return new SimResponse(status, headers, body, false);
    }

    static SimResponse error(SimError e) {
        ObjectNode body = JSON.createObjectNode().put("code", e.code).put("message", e.getMessage());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (e.retryAfterSeconds != null) {
            headers.put("Retry-After", String.valueOf(e.retryAfterSeconds));
        }
        return new SimResponse(e.status, headers, write(body), false);
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
