package chatlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * The scenario-file loader, which reads files people write and share: any text, as YAML or as
 * JSON, is a scenario or a {@link ScenarioException} that names the field at fault.
 */
class ScenarioFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyTextIsAScenarioOrAClearError(FuzzedDataProvider data) {
        boolean json = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        Scenario scenario;
        try {
            scenario = ScenarioLoader.parse(text, json, List.of());
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(scenario.name()).isNotBlank();
        assertThat(scenario.duration()).isPositive();
    }
}
