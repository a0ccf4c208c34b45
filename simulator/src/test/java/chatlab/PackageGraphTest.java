package chatlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import chatlab.cmd.SimulateMain;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's packages as docs/ARCHITECTURE.md draws them: no cycles between them, and every
 * entry point in {@code chatlab.cmd}, which nothing else depends on. The classes are the
 * simulator's own build output, not the system's it runs against.
 */
class PackageGraphTest {
    private static JavaClasses simulator;

    @BeforeAll
    static void importSimulator() throws URISyntaxException {
        Path classes = Path.of(SimulateMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        simulator = new ClassFileImporter().importPath(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("chatlab.(*)..").should().beFreeOfCycles().check(simulator);
    }

    @Test
    void entryPointsAreInCmd() {
        methods().that().areStatic().and().haveName("main").and().haveRawParameterTypes(String[].class)
                .should().beDeclaredInClassesThat().resideInAPackage("chatlab.cmd")
                .check(simulator);
    }

    @Test
    void nothingDependsOnTheEntryPoints() {
        noClasses().that().resideOutsideOfPackage("chatlab.cmd")
                .should().dependOnClassesThat().resideInAPackage("chatlab.cmd")
                .check(simulator);
    }
}
