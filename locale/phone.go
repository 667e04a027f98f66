package locale

// The strings that help on narrow screens (phones), each {German, English}.
func init() {
	add(map[string][2]string{
		// Shown above a table that is wider than the screen, only while
		// it can scroll sideways.
		"table.scroll_hint": {"Weitere Spalten: Tabelle seitlich wischen", "More columns: swipe the table sideways"},
	})
}
