package io.newsflow.store.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorGroupsTest {

    @Test
    void anActorsNamesShareOneGroupAndOtherEntitiesStandForThemselves() {
        // The EU, its Commission and Brussels; Norway and Oslo.
        assertThat(ActorGroups.groupOf("Q8880")).isEqualTo(ActorGroups.groupOf("Q458"))
                .isEqualTo(ActorGroups.groupOf("Q239")).startsWith("actor:");
        assertThat(ActorGroups.groupOf("Q585")).isEqualTo(ActorGroups.groupOf("Q20"))
                .isNotEqualTo(ActorGroups.groupOf("Q458"));
        // Bergen is a Norwegian city, not the capital: an event of its own.
        assertThat(ActorGroups.groupOf("Q26793")).isNull();
        assertThat(ActorGroups.groupOf("nf:PERSON:ingrid solbakken")).isNull();
    }
}
