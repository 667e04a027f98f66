package web

// registerAPIRoutes registers the JSON API under /api/v1. (Filled in by the API work.)
func (s *Server) registerAPIRoutes() {}
