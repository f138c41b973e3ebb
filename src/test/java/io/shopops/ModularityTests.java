package io.shopops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries (no cycles, no reaching into another module's internals) and keeps the
 * module documentation under docs/modules current.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ShopOpsApplication.class);
    private static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Modulith writes the same diagrams with their lines in a different order from run to run; a file is
     * replaced only when its content really changed, so running the tests leaves the checkout clean.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path generated = Path.of("target/modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(DOCS);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path target = DOCS.resolve(file.getFileName());
                if (!Files.exists(target) || !sameLines(file, target)) {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean sameLines(Path a, Path b) throws IOException {
        List<String> left = Files.readAllLines(a).stream().sorted().toList();
        List<String> right = Files.readAllLines(b).stream().sorted().toList();
        return left.equals(right);
    }
}
