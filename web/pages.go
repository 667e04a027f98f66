package web

// registerPageRoutes registers the HTML pages. (Filled in by the page work.)
func (s *Server) registerPageRoutes() {}
