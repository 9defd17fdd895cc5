package io.minidrama.testkit.architecture;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * minidrama-bom has no parent (an imported BOM would bring the parent's whole dependencyManagement),
 * so what it must share with the reactor is written twice; this keeps the copies equal: every
 * published module of the reactor is in the BOM at the project's version, nothing else of the
 * reactor is, and the BOM's version and JUnit version are the parent's. A published module is a
 * library module (a child of minidrama-parent with a module-info.java) or one of the
 * {@link #CLASS_PATH_LIBRARIES} named here, which must be reactor modules without a module-info.java.
 * (examples/modular-consumer imports the BOM, which proves it resolves.)
 */
class BomTest {
    private static final Path ROOT = reactorRoot();
    private static final Document PARENT = read(ROOT.resolve("pom.xml"));
    private static final Document BOM = read(ROOT.resolve("minidrama-bom/pom.xml"));
    /**
     * Published modules that live on the class path only (no module-info.java, so the rule above
     * cannot see them): the Spring Boot starter (Spring Boot is not modular).
     */
    static final Set<String> CLASS_PATH_LIBRARIES = Set.of("minidrama-spring-boot-starter");

    @Test
    void bom_whenAReactorModuleIsPublished_listsItAtTheProjectVersion() {
        Map<String, String> managed = bomManagedSdkArtifacts();
        List<String> missing = new ArrayList<>();
        for (String artifactId : reactorModules(true)) {
            if (!"${project.version}".equals(managed.get(artifactId))) {
                missing.add(artifactId);
            }
        }
        assertTrue(missing.isEmpty(), "minidrama-bom/pom.xml does not manage the published module(s) " + missing
                + " at ${project.version}: add each to its dependencyManagement");
        assertTrue(managed.size() >= 10, "the BOM lost its modules: " + managed.keySet());
    }

    @Test
    void classPathLibraries_areReactorModulesOfTheParent_withoutAModuleInfo() {
        Map<String, Path> modules = reactorModuleDirectories();
        for (String artifactId : CLASS_PATH_LIBRARIES) {
            Path dir = modules.get(artifactId);
            assertTrue(dir != null, artifactId + " is in BomTest.CLASS_PATH_LIBRARIES but no module of the reactor: remove it");
            assertEquals("minidrama-parent", text(child(child(read(dir.resolve("pom.xml")).getDocumentElement(), "parent"), "artifactId")),
                    artifactId + " is in BomTest.CLASS_PATH_LIBRARIES but not a child of minidrama-parent");
            assertTrue(!Files.exists(dir.resolve("src/main/java/module-info.java")), artifactId
                    + " has a module-info.java now: it is a library module by the rule, remove it from BomTest.CLASS_PATH_LIBRARIES");
        }
    }

    @Test
    void bom_whenAReactorModuleIsNoLibrary_doesNotListIt() {
        Set<String> listed = new TreeSet<>(bomManagedSdkArtifacts().keySet());
        listed.retainAll(reactorModules(false));
        assertTrue(listed.isEmpty(), "minidrama-bom/pom.xml manages " + listed
                + ", which are not published (the CLI, the benchmarks, the samples and the examples are not): remove them");
    }

    @Test
    void bom_versionAndJUnitVersion_equalTheParents() {
        assertEquals(text(child(PARENT.getDocumentElement(), "version")), text(child(BOM.getDocumentElement(), "version")),
                "minidrama-bom/pom.xml's <version> must be the parent's (it has no parent to inherit it from)");
        assertEquals(property(PARENT, "junit.version"), property(BOM, "junit.version"),
                "minidrama-bom/pom.xml's junit.version must be the parent's, the JUnit the testkit is built against");
        assertTrue(bomImportsJUnitBom(), "minidrama-bom/pom.xml must import org.junit:junit-bom:${junit.version}");
    }

    /** The artifactIds of the reactor's modules that are (or, with false, are not) published. */
    private static Set<String> reactorModules(boolean libraries) {
        Set<String> found = new TreeSet<>();
        for (Map.Entry<String, Path> module : reactorModuleDirectories().entrySet()) {
            Path dir = module.getValue();
            Element pom = read(dir.resolve("pom.xml")).getDocumentElement();
            // As the parent's `library` profile sees it: a child of minidrama-parent with a module-info.java
            // (examples/modular-consumer has one too, but is a user's project: no parent, not the SDK's).
            boolean library = "minidrama-parent".equals(text(child(child(pom, "parent"), "artifactId")))
                    && Files.exists(dir.resolve("src/main/java/module-info.java"));
            boolean published = library || CLASS_PATH_LIBRARIES.contains(module.getKey());
            if (published == libraries) {
                found.add(module.getKey());
            }
        }
        if (libraries && found.size() < 9) {
            fail("found only " + found + " as library modules under " + ROOT + ": the test would pass vacuously");
        }
        return found;
    }

    /** Every module of the reactor: its artifactId and its directory. */
    private static Map<String, Path> reactorModuleDirectories() {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Element module : children(child(PARENT.getDocumentElement(), "modules"), "module")) {
            Path dir = ROOT.resolve(module.getTextContent().strip());
            found.put(text(child(read(dir.resolve("pom.xml")).getDocumentElement(), "artifactId")), dir);
        }
        return found;
    }

    /** io.minidrama artifactId to version, from the BOM's dependencyManagement. */
    private static Map<String, String> bomManagedSdkArtifacts() {
        Map<String, String> managed = new LinkedHashMap<>();
        for (Element dependency : managedDependencies(BOM)) {
            if ("io.minidrama".equals(text(child(dependency, "groupId")))) {
                managed.put(text(child(dependency, "artifactId")), text(child(dependency, "version")));
            }
        }
        return managed;
    }

    private static boolean bomImportsJUnitBom() {
        return managedDependencies(BOM).stream().anyMatch(d -> "org.junit".equals(text(child(d, "groupId")))
                && "junit-bom".equals(text(child(d, "artifactId")))
                && "${junit.version}".equals(text(child(d, "version")))
                && "import".equals(text(child(d, "scope")))
                && "pom".equals(text(child(d, "type"))));
    }

    private static List<Element> managedDependencies(Document pom) {
        Element management = child(pom.getDocumentElement(), "dependencyManagement");
        return children(child(management, "dependencies"), "dependency");
    }

    private static String property(Document pom, String name) {
        return text(child(child(pom.getDocumentElement(), "properties"), name));
    }

    private static Element child(Element parent, String name) {
        List<Element> found = parent == null ? List.of() : children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    private static Document read(Path pom) {
        try {
            return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + pom + ": " + e, e);
        }
    }

    /** The directory of minidrama-parent's pom.xml, from the module's directory (the tests' working directory) up. */
    private static Path reactorRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.exists(pom) && Files.exists(dir.resolve("minidrama-bom/pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no reactor root (a pom.xml next to minidrama-bom/) above " + Path.of("").toAbsolutePath());
    }
}
