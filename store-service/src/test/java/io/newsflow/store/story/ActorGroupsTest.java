package io.newsflow.store.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorGroupsTest {

    @Test
    void anActorsNamesShareOneGroupAndOtherEntitiesStandForThemselves() {
        // The EU, its Commission and Brussels; Norway and Oslo.
        assertThat(ActorGroups.actorOf("Q8880")).isEqualTo(ActorGroups.actorOf("Q458"))
                .isEqualTo(ActorGroups.actorOf("Q239")).startsWith("actor:");
        assertThat(ActorGroups.actorOf("Q585")).isEqualTo(ActorGroups.actorOf("Q20"))
                .isNotEqualTo(ActorGroups.actorOf("Q458"));
        // Bergen is a Norwegian city, not the capital: an event of its own.
        assertThat(ActorGroups.actorOf("Q26793")).isEqualTo("Q26793");
        assertThat(ActorGroups.actorOf("nf:PERSON:ingrid solbakken")).isEqualTo("nf:PERSON:ingrid solbakken");
    }
}
