package io.ember.rdd.internal.ui.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ember.rdd.internal.ui.json.Json;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's HTTP server (the JDK's {@code com.sun.net.httpserver}) on 127.0.0.1: the pages
 * (Jobs, Stages, Storage, Executors, Environment, and the tabs of {@link UiExtension}s such as
 * DataFrames' SQL), the JSON API under {@code /api/v1} and the
 * stylesheet. Serves one live application, or (for {@code bin/ember-history}) the applications
 * of an event log directory under {@code /history/<appId>/}.
 *
 * <p>Only GET and HEAD are answered; a handful of daemon threads serve requests.
 */
public final class WebServer implements AutoCloseable {
    /** How many ports above the asked one are tried when it is taken (as Spark's port retries). */
    public static final int PORT_RETRIES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService threads;
    private final UiApplications apps;
    private final String version;
    private final String source;

    private WebServer(HttpServer server, UiApplications apps, String version, String source) {
        this.server = server;
        this.apps = apps;
        this.version = version;
        this.source = source;
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ember-ui-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves a live application on {@code port}, or the next free one of the
     * {@value #PORT_RETRIES} above it; port 0 takes any free port.
     *
     * @throws UncheckedIOException if no port could be bound
     */
    public static WebServer live(AppStatusStore store, int port) {
        return new WebServer(bind(port), new UiApplications(() -> List.of(store), false), store.app().emberVersion(),
                "live");
    }

    /**
     * Serves replayed applications (asked again at each request, so new logs appear), as the
     * history server does.
     *
     * @param source where the applications come from, shown on the start page
     */
    public static WebServer history(Supplier<List<AppStatusStore>> stores, int port, String version, String source) {
        return new WebServer(bind(port), new UiApplications(stores, true), version, source);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address people open, e.g. {@code http://127.0.0.1:4040}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static HttpServer bind(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ember.ui.port must be between 0 and 65535, got " + port);
        }
        IOException last = null;
        int tries = port == 0 ? 1 : PORT_RETRIES + 1;
        for (int i = 0; i < tries && port + i <= 65535; i++) {
            try {
                return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + i), 0);
            } catch (BindException e) {
                last = e;
                LOG.debug("Port {} is taken, trying the next one", port + i);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the web UI: " + e.getMessage(), e);
            }
        }
        throw new UncheckedIOException("Cannot start the web UI: ports " + port + " to " + (port + tries - 1)
                + " are all taken (set ember.ui.port, or ember.ui.enabled=false)", last);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "Only GET and HEAD are supported\n");
                return;
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            Map<String, String> query = query(uri.getRawQuery());
            try {
                route(exchange, path, query);
            } catch (NotFoundException e) {
                if (path.startsWith("/api/")) {
                    send(exchange, 404, "application/json", Json.pretty(Map.of("error", e.getMessage())));
                } else {
                    send(exchange, 404, "text/html", PageFrame.notFound(e.getMessage()));
                }
            } catch (RuntimeException e) {
                LOG.warn("The web UI failed on {}", uri, e);
                send(exchange, 500, "text/plain", "Internal error: " + e + "\n");
            }
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        if (path.startsWith("/static/")) {
            staticResource(exchange, path.substring("/static/".length()));
        } else if (path.equals("/api/v1") || path.startsWith("/api/v1/")) {
            Object value = JsonApi.get(apps, path.substring("/api/v1".length()), query);
            send(exchange, 200, "application/json", Json.pretty(value));
        } else if (apps.history() && path.equals("/")) {
            send(exchange, 200, "text/html", HistoryPage.render(apps, version, source, System.currentTimeMillis()));
        } else if (apps.history()) {
            String rest = path.startsWith("/history/") ? path.substring("/history/".length()) : "";
            int slash = rest.indexOf('/');
            String appId = slash < 0 ? rest : rest.substring(0, slash);
            AppStatusStore store = apps.get(appId).getOrElseThrow(() -> new NotFoundException("No application '"
                    + appId + "' in " + source));
            page(exchange, store, slash < 0 ? "/" : rest.substring(slash), query);
        } else {
            page(exchange, apps.all().get().get(0), path, query);
        }
    }

    private void page(HttpExchange exchange, AppStatusStore store, String page, Map<String, String> query)
            throws IOException {
        UiContext ctx = new UiContext(store, apps.base(store), query, System.currentTimeMillis());
        Rendered rendered = switch (page) {
            case "/", "" -> null;
            case "/jobs/", "/jobs" -> JobsPage.render(ctx);
            case "/jobs/job/", "/jobs/job" -> JobPage.render(ctx);
            case "/stages/", "/stages" -> StagesPage.render(ctx);
            case "/stages/stage/", "/stages/stage" -> StagePage.render(ctx);
            case "/storage/", "/storage" -> StoragePage.render(ctx);
            case "/storage/rdd/", "/storage/rdd" -> StoragePage.renderRdd(ctx);
            case "/executors/", "/executors" -> ExecutorsPage.render(ctx);
            case "/environment/", "/environment" -> EnvironmentPage.render(ctx);
            default -> extensionPage(ctx, page);
        };
        if (rendered == null) {
            exchange.getResponseHeaders().add("Location", ctx.url("/jobs/"));
            send(exchange, 302, "text/plain", "");
        } else {
            send(exchange, 200, "text/html", PageFrame.wrap(ctx, rendered));
        }
    }

    /** A page of a {@link UiExtension}'s tab: {@code /<id>/<path>/}. */
    private static Rendered extensionPage(UiContext ctx, String page) {
        String trimmed = page.replaceAll("^/+|/+$", "");
        int slash = trimmed.indexOf('/');
        String id = slash < 0 ? trimmed : trimmed.substring(0, slash);
        UiExtension extension = io.vavr.collection.List.ofAll(UiExtensions.of(ctx.store()))
                .find(e -> e.id().equals(id))
                .getOrElseThrow(() -> new NotFoundException("No page " + page));
        return extension.page(slash < 0 ? "" : trimmed.substring(slash + 1), ctx);
    }

    private static void staticResource(HttpExchange exchange, String name) throws IOException {
        String type = name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : null;
        InputStream in = type == null || name.contains("/") ? null : WebServer.class.getResourceAsStream(name);
        if (in == null) {
            throw new NotFoundException("No static resource " + name);
        }
        try (in) {
            send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
