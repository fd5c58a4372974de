package io.github.ocidiff.sim;

/** An OCI error answer: HTTP status and the {"code", "message"} body. */
final class SimError extends RuntimeException {
    final int status;
    final String code;
    final Integer retryAfterSeconds;

    SimError(int status, String code, String message, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static SimError badRequest(String code, String message) {
        return new SimError(400, code, message, null);
    }

    static SimError notFound(String message) {
        return new SimError(404, "NotAuthorizedOrNotFound", message, null);
    }
}
