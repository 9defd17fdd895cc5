package io.minidrama.adapter.apache;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transport as a named module: this module, the protocol (with JSON-B and Caffeine), ports and
 * domain and HttpClient's jars (automatic modules, by their manifests' names) are resolved from the test's class path into
 * a module layer, exactly as {@code --module-path} would, and one exchange runs through it.
 */
class ApacheModulePathTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @Test
    void transport_onTheModulePath_resolvesAndCompletesAnExchange() throws Exception {
        List<Path> modulePath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("minidrama-adapter-apache") && !p.contains("test-classes")
                        || p.contains("minidrama-protocol") || p.contains("minidrama-ports") || p.contains("minidrama-domain")
                        || p.contains("httpclient5") || p.contains("httpcore5") || p.contains("slf4j")
                        // what the protocol requires: JSON-P and JSON-B (APIs and implementations), Caffeine
                        || p.contains("jakarta.json") || p.contains("parsson") || p.contains("yasson") || p.contains("caffeine"))
                .map(Path::of).toList();
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.minidrama.adapter.apache"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

        Class<?> transportType = layer.findLoader("io.minidrama.adapter.apache").loadClass("io.minidrama.adapter.apache.ApacheHttpTransport");
        assertEquals("io.minidrama.adapter.apache", transportType.getModule().getName());
        assertTrue(transportType.getModule().isNamed());

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            byte[] body = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            ClassLoader loader = transportType.getClassLoader();
            Class<?> requestType = loader.loadClass("io.minidrama.protocol.spi.TransportRequest");
            Class<?> responseType = loader.loadClass("io.minidrama.protocol.spi.TransportResponse");
            Class<?> spiType = loader.loadClass("io.minidrama.protocol.spi.HttpTransport");
            Object transport = transportType.getMethod("create").invoke(null);
            Object request = requestType.getMethod("get", String.class, URI.class, Duration.class).invoke(null, "probe",
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x"), Duration.ofSeconds(30));
            Object response = spiType.getMethod("execute", requestType).invoke(transport, request);
            Method body = responseType.getMethod("body");
            assertEquals(200, responseType.getMethod("status").invoke(response));
            try (InputStream in = (InputStream) body.invoke(response)) {
                assertEquals("{\"errcode\":0}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            responseType.getMethod("close").invoke(response);
            spiType.getMethod("close").invoke(transport);
        } finally {
            server.stop(0);
        }
    }
}
