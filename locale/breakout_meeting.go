package locale

// The texts of a meeting's breakout plan and of changing a plan after it
// was made (rename, new fixed assignments, deletion), each {German,
// English}.
func init() {
	add(map[string][2]string{
		"breakouts.of_meeting":          {"Breakout-Runden", "Breakout rounds"},
		"breakouts.new_of_meeting":      {"Breakout-Plan für %s", "Breakout plan for %s"},
		"breakouts.meeting":             {"Treffen", "Meeting"},
		"breakouts.meeting_none":        {"Noch kein Breakout-Plan. Ein Plan setzt die %d Teilnehmenden (erfasste Teilnahme, vorher die Zusagen).", "No breakout plan yet. A plan seats the %d people attending (as recorded, before that those who answered yes)."},
		"breakouts.summary":             {"%d Runden, %d Teilnehmende, %d Wiederholungen", "%d rounds, %d people, %d repeats"},
		"breakouts.people_hint_meeting": {"Vorausgewählt sind alle, deren Teilnahme erfasst ist, oder vor der Erfassung alle, die zugesagt haben. Moderierende (höchstens eine Person je Gruppe) sitzen nie zusammen.", "Preselected are everyone recorded as attending, or before attendance is recorded everyone who answered yes. Moderators (at most one per group) never share a group."},
		"breakouts.no_attendees":        {"Noch niemand hat zugesagt oder ist als teilnehmend erfasst.", "Nobody has answered yes or been recorded as attending yet."},
		"breakouts.meeting_has_plan":    {"Dieses Treffen hat schon einen Breakout-Plan.", "This meeting has a breakout plan already."},
		"breakouts.meeting_invalid":     {"Das Treffen gehört nicht zu diesem Netzwerk.", "The meeting is not one of this network."},
		"breakouts.edit":                {"Plan ändern", "Change the plan"},
		"breakouts.edit_of":             {"Plan ändern: %s", "Change the plan: %s"},
		"breakouts.rename":              {"Titel und Datum", "Title and date"},
		"breakouts.rename_submit":       {"Speichern", "Save"},
		"breakouts.replan":              {"Feste Zuordnungen und neu planen", "Fixed assignments and a new planning"},
		"breakouts.replan_intro":        {"Mit geänderten Moderierenden oder Paaren werden alle Runden neu geplant; Änderungen von Hand gehen dabei verloren. Die Wiederholungen werden gegen die früheren Pläne des Netzwerks neu gezählt.", "With changed moderators or pairs all rounds are planned anew; changes made by hand are lost. The repeats are counted anew against the network's earlier plans."},
		"breakouts.moderators_legend":   {"Moderierende", "Moderators"},
		"breakouts.moderators_hint":     {"Höchstens eine Person je Gruppe; Moderierende sitzen nie zusammen.", "At most one per group; moderators never share a group."},
		"breakouts.replan_submit":       {"Neu planen", "Plan anew"},
		"breakouts.delete":              {"Plan löschen", "Delete the plan"},
		"breakouts.delete_question":     {"Breakout-Plan %s löschen?", "Delete the breakout plan %s?"},
		"flash.breakouts.renamed":       {"Titel und Datum sind gespeichert.", "Title and date are saved."},
		"flash.breakouts.replanned":     {"Der Plan ist neu geplant; die Wiederholungen sind neu gezählt.", "The plan is planned anew; the repeats are counted anew."},
		"mydata.meetings":               {"Treffen", "Meetings"},
		"mydata.col_meeting":            {"Treffen", "Meeting"},
		"mydata.breakouts":              {"Plätze in Breakout-Plänen", "Seats in breakout plans"},
		"flash.breakouts.deleted":       {"Der Breakout-Plan ist gelöscht.", "The breakout plan is deleted."},
	})
}
