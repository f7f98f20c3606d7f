package io.firedrill.estate.router;

import java.net.URI;

/**
 * A base URL split into what the HTTP client needs. Paths are appended raw, so record ids keep their
 * percent-encoding on the way through the router.
 */
record Target(String host, int port, String basePath) {

    /** Parses {@code url}; {@code what} names the setting in the error message. */
    static Target parse(String url, String what) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(what + " must be an http:// URL, got nothing");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be an http:// URL, got '" + url + "'", e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an http:// URL with a host, got '" + url + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Target(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort(), path);
    }

    /** The request URI for {@code pathAndQuery} (which starts with a slash) on this target. */
    String uri(String pathAndQuery) {
        return basePath + pathAndQuery;
    }

    @Override
    public String toString() {
        return "http://" + host + ":" + port + basePath;
    }
}
