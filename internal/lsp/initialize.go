package lsp

import (
	"encoding/json"
	"slices"

	"github.com/azconn/azconn/internal/buildinfo"
)

// initialize negotiates the position encoding and reads the client
// capabilities the server acts on.
func (s *Server) initialize(params json.RawMessage) any {
	var p initializeParams
	_ = json.Unmarshal(params, &p) // missing capabilities mean none
	c := p.Capabilities
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Contains(c.General.PositionEncodings, encodingUTF8) {
		s.enc = encodingUTF8
	}
	s.client = clientCaps{
		pull:       c.TextDocument.Diagnostic != nil,
		markdown:   slices.Contains(c.TextDocument.Hover.ContentFormat, "markdown"),
		related:    c.TextDocument.PublishDiagnostics.RelatedInformation,
		docChanges: c.Workspace.WorkspaceEdit.DocumentChanges,
		create:     slices.Contains(c.Workspace.WorkspaceEdit.ResourceOperations, "create"),
		watch:      c.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		refresh:    c.Workspace.Diagnostics.RefreshSupport,
	}
	if len(p.WorkspaceFolders) > 0 {
		s.root = uriToPath(p.WorkspaceFolders[0].URI)
	} else if p.RootURI != "" {
		s.root = uriToPath(p.RootURI)
	}
	s.state = stateRunning
	caps := map[string]any{
		"positionEncoding": s.enc,
		"textDocumentSync": map[string]any{
			"openClose": true,
			"change":    2, // incremental
			"save":      map[string]any{"includeText": false},
		},
		"codeActionProvider": map[string]any{
			"codeActionKinds": []string{kindQuickFix, kindFixAll},
		},
		"hoverProvider": true,
	}
	if s.client.pull {
		caps["diagnosticProvider"] = map[string]any{
			"identifier":            "azconnlint",
			"interFileDependencies": false,
			"workspaceDiagnostics":  false,
		}
	}
	return map[string]any{
		"capabilities": caps,
		"serverInfo":   map[string]string{"name": "azconnlint", "version": buildinfo.Version()},
	}
}

// registerWatchers asks a client that can to report changes of the
// configuration files (workspace/didChangeWatchedFiles).
func (s *Server) registerWatchers() {
	s.mu.Lock()
	watch := s.client.watch
	s.mu.Unlock()
	if !watch {
		return
	}
	s.call("client/registerCapability", map[string]any{
		"registrations": []any{map[string]any{
			"id":     "azconnlint-config",
			"method": "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{"watchers": []any{
				map[string]any{"globPattern": "**/.azconnlint.{yaml,yml,json}"},
			}},
		}},
	})
}
