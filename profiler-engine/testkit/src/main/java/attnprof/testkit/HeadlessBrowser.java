package attnprof.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: a real headless Chromium, driven over the DevTools protocol, that opens a page and
 * reports its console errors and uncaught exceptions, and evaluates expressions in it. Chromium comes
 * from Debian's package: {@link #start()} installs it with apt-get when it is absent and the test runs
 * as root, and otherwise says why there is none, for the test to skip with that reason.
 */
public final class HeadlessBrowser implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

  private HeadlessBrowser(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Either a browser, or why there is none. */
  public record Start(Optional<HeadlessBrowser> browser, String unavailableReason) {
  }

  /** Starts Chromium, installing Debian's package first if it is missing and this process may. */
  public static Start start() throws IOException, InterruptedException {
    try {
      return startOrFail();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("cannot connect to Chromium's DevTools: " + e.getMessage(), e);
    }
  }

  private static Start startOrFail() throws IOException, InterruptedException, java.util.concurrent.ExecutionException,
      java.util.concurrent.TimeoutException {
    Optional<Path> executable = chromium();
    if (executable.isEmpty()) {
      String why = DebianPackages.install("chromium");
      executable = chromium();
      if (executable.isEmpty()) {
        return new Start(Optional.empty(), "no Chromium: " + why);
      }
    }
    Path profile = Files.createTempDirectory("attnprof-chromium");
    Process process = new ProcessBuilder(executable.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserSocket = devToolsAddress(process);
    HttpClient http = HttpClient.newHttpClient();
    URI list = URI.create(browserSocket.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
    String pageSocket = null;
    for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
        HttpResponse.BodyHandlers.ofString()).body())) {
      if (target.path("type").asText().equals("page")) {
        pageSocket = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (pageSocket == null) {
      process.destroyForcibly();
      throw new IOException("Chromium started without a page to drive");
    }
    HeadlessBrowser[] self = new HeadlessBrowser[1];
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
      private final StringBuilder message = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
          self[0].receive(message.toString());
          message.setLength(0);
        }
        webSocket.request(1);
        return null;
      }
    }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    HeadlessBrowser browser = new HeadlessBrowser(process, profile, socket);
    self[0] = browser;
    browser.call("Runtime.enable", Map.of());
    browser.call("Log.enable", Map.of());
    browser.call("Page.enable", Map.of());
    return new Start(Optional.of(browser), "");
  }

  private static Optional<Path> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static String devToolsAddress(Process process) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + WAIT.toNanos();
    String line;
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
      Matcher matcher = DEVTOOLS.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> err.lines().forEach(ignored -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1);
      }
      seen.add(line);
    }
    process.destroyForcibly();
    throw new IOException("Chromium did not start its DevTools server: " + String.join(" | ", seen));
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      } else {
        events.add(message);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Chromium sent what is not JSON: " + text, e);
    }
  }

  private JsonNode call(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
    request.set("params", JSON.valueToTree(params));
    try {
      socket.sendText(request.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      JsonNode answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    } catch (Exception e) {
      throw new IllegalStateException("Chromium did not answer " + method + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a file, waits until it has loaded, and returns what it reported as errors: console errors,
   * uncaught exceptions, failed loads the browser logged, and dialogs a script opened (dismissed).
   */
  public List<String> open(Path file) throws InterruptedException {
    events.clear();
    call("Page.navigate", Map.of("url", file.toAbsolutePath().toUri().toString()));
    List<String> errors = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    boolean loaded = false;
    while (!loaded) {
      JsonNode event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new IllegalStateException(file + " did not finish loading in " + WAIT.toSeconds() + " s");
      }
      loaded = collect(event, errors);
    }
    // late reports (images decoded after load) arrive within a moment
    Thread.sleep(500);
    for (JsonNode event; (event = events.poll()) != null; ) {
      collect(event, errors);
    }
    return errors;
  }

  private boolean collect(JsonNode event, List<String> errors) {
    String method = event.path("method").asText();
    JsonNode params = event.path("params");
    switch (method) {
      case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        if (params.path("type").asText().equals("error")) {
          errors.add("console.error: " + params.path("args"));
        }
      }
      case "Page.javascriptDialogOpening" -> {
        // a dialog stops the page until answered: a script ran that should not have
        errors.add("dialog: " + params.path("type").asText() + " " + params.path("message").asText());
        call("Page.handleJavaScriptDialog", Map.of("accept", false));
      }
      case "Log.entryAdded" -> {
        if (params.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + params.path("entry").path("text").asText());
        }
      }
      default -> {
        return method.equals("Page.loadEventFired");
      }
    }
    return false;
  }

  /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
  public JsonNode evaluate(String expression) {
    JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("`" + expression + "` threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  @Override
  public void close() throws IOException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the process goes next anyway
    }
    // Chromium's helper processes write into the profile as they exit: the folder goes after all of them
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
