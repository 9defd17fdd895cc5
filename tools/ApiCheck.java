import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API-compatibility check of one library module against its baseline file, run by the parent
 * POM's {@code library} profile in {@code verify} as a single-file program (no dependency, no
 * build of its own):
 *
 * <pre>java tools/ApiCheck.java &lt;module dir&gt; &lt;artifactId&gt; &lt;update: true|false&gt;</pre>
 *
 * <p>The public surface is what other modules can compile against: every public class in a package
 * that {@code module-info.class} exports to everyone (qualified exports and opened packages are not
 * API), with its public and protected members and constant values, as the JDK's {@code javap}
 * prints them (generic signatures included), and a sealed type's permitted subtypes, which javap 17
 * does not print (read from the class file). It is written sorted, one class per block, to
 * {@code <module>/api/<artifactId>.api}.
 *
 * <p>A class or member of the baseline that is gone or whose signature changed (a changed line is a
 * removal plus an addition) fails, naming each one and how to announce the break. Additions pass
 * and are listed. With {@code update=true} the baseline is rewritten instead. See API-CHANGES.md.
 */
public final class ApiCheck {

    static final String UPDATE_COMMAND = "mvn -B -ntp verify -DskipTests -Dminidrama.api.update=true";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java tools/ApiCheck.java <module dir> <artifactId> <update: true|false>");
            System.exit(2);
        }
        Path moduleDir = Path.of(args[0]);
        String artifactId = args[1];
        boolean update = Boolean.parseBoolean(args[2]);
        Path classes = moduleDir.resolve("target/classes");
        Path baselineFile = moduleDir.resolve("api").resolve(artifactId + ".api");
        Path shown = moduleDir.toAbsolutePath().getParent().relativize(baselineFile.toAbsolutePath());

        Map<String, Set<String>> current = dump(classes);
        String header = "# The exported API of " + artifactId + ": public and protected signatures of the public\n"
                + "# classes in the packages its module-info exports to everyone. Generated; do not edit by hand.\n"
                + "# Regenerate (an announced change, see API-CHANGES.md): " + UPDATE_COMMAND + "\n";

        if (update) {
            String before = Files.exists(baselineFile) ? Files.readString(baselineFile, StandardCharsets.UTF_8) : "";
            String after = header + render(current);
            if (before.equals(after)) {
                System.out.println("[api] " + shown + ": unchanged (" + count(current) + ")");
            } else {
                Files.createDirectories(baselineFile.getParent());
                Files.writeString(baselineFile, after, StandardCharsets.UTF_8);
                Diff diff = Files.exists(baselineFile) && !before.isEmpty() ? diff(parse(before), current) : null;
                System.out.println("[api] " + shown + ": written (" + count(current) + ")"
                        + (diff == null ? "" : ", " + diff.removed.size() + " removed or changed, "
                        + diff.added.size() + " added since the previous baseline"));
            }
            return;
        }

        if (!Files.exists(baselineFile)) {
            fail(artifactId, shown, List.of(), "there is no baseline " + shown + " for this library module yet.");
            return;
        }
        Diff diff = diff(parse(Files.readString(baselineFile, StandardCharsets.UTF_8)), current);
        for (String added : diff.added) {
            System.out.println("[api] " + artifactId + ": added (allowed): " + added);
        }
        if (!diff.removed.isEmpty()) {
            fail(artifactId, shown, diff.removed, diff.removed.size() + " breaking change(s) against " + shown
                    + " (a signature changed shows as removed here and added above):");
        }
    }

    private static void fail(String artifactId, Path shown, List<String> removed, String what) {
        StringBuilder message = new StringBuilder("[api] API CHECK FAILED for " + artifactId + ": " + what + "\n");
        for (String r : removed) {
            message.append("[api]   removed or changed: ").append(r).append('\n');
        }
        message.append("[api] A breaking change must be announced. If it is intended: regenerate the baselines with\n")
                .append("[api]   ").append(UPDATE_COMMAND).append('\n')
                .append("[api] and commit the changed ").append(shown)
                .append(" together with an entry in API-CHANGES.md naming each break and what to use instead.\n")
                .append("[api] If it is not intended, restore the signature(s) above.");
        System.err.println(message);
        System.exit(1);
    }

    // ---- dump: javap over the exported packages ----

    static Map<String, Set<String>> dump(Path classes) throws IOException {
        Path moduleInfo = classes.resolve("module-info.class");
        if (!Files.exists(moduleInfo)) {
            throw new IllegalStateException(moduleInfo + " is missing: a library module has a module-info.java");
        }
        List<String> exported = new ArrayList<>();
        for (String line : javap(List.of(moduleInfo.toString())).split("\n")) {
            String l = line.strip();
            // "exports a.b;" is API; "exports a.b to c;" (qualified) and "opens a.b;" are not.
            if (l.startsWith("exports ") && l.endsWith(";") && !l.contains(" to ")) {
                exported.add(l.substring("exports ".length(), l.length() - 1).strip());
            }
        }
        List<String> classNames = new ArrayList<>();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
                        .sorted()
                        .forEach(classNames::add);
            }
        }
        Map<String, Set<String>> api = newApiMap();
        if (classNames.isEmpty()) {
            return api;
        }
        List<String> javapArgs = new ArrayList<>(List.of("-protected", "-constants", "-cp", classes.toString()));
        javapArgs.addAll(classNames);
        String out = javap(javapArgs);

        String header = null;
        Set<String> members = null;
        for (String raw : out.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("Compiled from ")) {
                continue;
            }
            if (header == null) {
                if (!line.endsWith("{")) {
                    throw new IllegalStateException("unexpected javap output: " + raw);
                }
                header = line.substring(0, line.length() - 1).strip();
                members = new TreeSet<>();
            } else if (line.equals("}")) {
                if (isPublicType(header)) {
                    // javap (17) does not print `permits`: a new permitted subtype breaks a caller's exhaustive switch.
                    List<String> permitted = permittedSubclasses(classes.resolve(className(header).replace('.', '/') + ".class"));
                    api.put(permitted.isEmpty() ? header : header + " permits " + String.join(", ", permitted), members);
                }
                header = null;
            } else {
                members.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
            }
        }
        // A nested public class of a class that is not public itself is not reachable.
        api.keySet().removeIf(h -> {
            String name = className(h);
            int dollar = name.lastIndexOf('$');
            while (dollar > 0) {
                String outer = name.substring(0, dollar);
                if (api.keySet().stream().noneMatch(o -> className(o).equals(outer))) {
                    return true;
                }
                dollar = outer.lastIndexOf('$');
                name = outer;
            }
            return false;
        });
        return api;
    }

    /** Class headers to members, in the order of the class names (then of the headers). */
    static Map<String, Set<String>> newApiMap() {
        return new TreeMap<>(java.util.Comparator.comparing(ApiCheck::className).thenComparing(h -> h));
    }

    /** The PermittedSubclasses attribute of a class file (JVMS 4.7.31), sorted; empty for a type that is not sealed. */
    static List<String> permittedSubclasses(Path classFile) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(Files.readAllBytes(classFile)));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IllegalStateException(classFile + ": unknown constant pool tag " + tag);
            }
        }
        in.skipBytes(6);
        in.skipBytes(2 * in.readUnsignedShort());
        for (int members = 0; members < 2; members++) {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
        }
        List<String> permitted = new ArrayList<>();
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("PermittedSubclasses".equals(name)) {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    permitted.add(utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.'));
                }
            } else {
                in.skipBytes(length);
            }
        }
        permitted.sort(null);
        return permitted;
    }

    private static void skipAttributes(java.io.DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }

    private static boolean isPublicType(String header) {
        return header.startsWith("public ");
    }

    /** The class name in a javap header: the word after class/interface/enum/@interface. */
    static String className(String header) {
        String[] words = header.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("class") || words[i].equals("interface") || words[i].equals("enum")
                    || words[i].equals("@interface") || words[i].equals("record")) {
                String name = words[i + 1];
                int generic = name.indexOf('<');
                return generic < 0 ? name : name.substring(0, generic);
            }
        }
        throw new IllegalStateException("no class name in: " + header);
    }

    private static String javap(List<String> args) {
        ToolProvider javap = ToolProvider.findFirst("javap")
                .orElseThrow(() -> new IllegalStateException("javap is not available: run the build on a JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javap failed (" + rc + "): " + err + out);
        }
        return out.toString().replace("\r\n", "\n");
    }

    // ---- the baseline file ----

    static String render(Map<String, Set<String>> api) {
        StringBuilder sb = new StringBuilder();
        api.forEach((header, members) -> {
            sb.append('\n').append(header).append('\n');
            members.forEach(m -> sb.append("  ").append(m).append('\n'));
        });
        return sb.toString();
    }

    static Map<String, Set<String>> parse(String text) {
        Map<String, Set<String>> api = newApiMap();
        Set<String> members = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("  ")) {
                if (members == null) {
                    throw new UncheckedIOException(new IOException("malformed baseline: member before any class: " + line));
                }
                members.add(line.strip());
            } else {
                members = new TreeSet<>();
                api.put(line.strip(), members);
            }
        }
        return api;
    }

    record Diff(List<String> removed, List<String> added) {
    }

    static Diff diff(Map<String, Set<String>> baseline, Map<String, Set<String>> current) {
        Map<String, String> baselineByName = baseline.keySet().stream()
                .collect(Collectors.toMap(ApiCheck::className, h -> h, (a, b) -> a, TreeMap::new));
        Map<String, String> currentByName = current.keySet().stream()
                .collect(Collectors.toMap(ApiCheck::className, h -> h, (a, b) -> a, TreeMap::new));
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        baselineByName.forEach((name, oldHeader) -> {
            String newHeader = currentByName.get(name);
            if (newHeader == null) {
                removed.add("class " + oldHeader);
                return;
            }
            if (!newHeader.equals(oldHeader)) {
                removed.add("class declaration " + oldHeader + "  (now: " + newHeader + ")");
            }
            Set<String> now = current.get(newHeader);
            for (String m : baseline.get(oldHeader)) {
                if (!now.contains(m)) {
                    removed.add(name + ": " + m);
                }
            }
            for (String m : now) {
                if (!baseline.get(oldHeader).contains(m)) {
                    added.add(name + ": " + m);
                }
            }
        });
        currentByName.forEach((name, header) -> {
            if (!baselineByName.containsKey(name)) {
                added.add("class " + header);
            }
        });
        return new Diff(removed, added);
    }

    private static String count(Map<String, Set<String>> api) {
        return api.size() + " classes, " + api.values().stream().mapToInt(Set::size).sum() + " members";
    }
}
