package io.airlog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.bench.load.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theGuaranteeTableHasARowPerScenarioWithWhatTheCallerHoldsAndWhatACrashLoses() {
        String table = Main.guarantees(List.of(Scenario.AIRLOG_SYNC, Scenario.LOG4J_JDBC_BATCHED)).render();

        assertThat(table).contains("when the call returns").contains("a crash can lose")
                .contains("| airlog sync ").contains(Scenario.AIRLOG_SYNC.atReturn())
                .contains(Scenario.LOG4J_JDBC_BATCHED.crashLoses());
    }

    @Test
    void theMachineDescriptionNamesTheAirlogBuildAndTheContendersVersions() {
        List<String> lines = Machine.describe(List.of());

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("airlog measured: ").contains("airlog-jdbc"))
                .anySatisfy(l -> assertThat(l).startsWith("contenders: log4j-core 2.").contains("HikariCP 5."));
    }
}
