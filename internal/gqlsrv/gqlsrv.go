// Package gqlsrv builds the gqlgen HTTP handler every subgraph serves, so
// that transports, limits, error codes, panic recovery, introspection and
// the router-only federation fields behave the same in all five services.
package gqlsrv

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/careercoach/coach/internal/apperr"
	"github.com/careercoach/coach/internal/auth"
	"github.com/careercoach/coach/internal/db"
	"github.com/careercoach/coach/internal/httpserver"
)

// Options configure a subgraph's GraphQL handler.
type Options struct {
	Log *slog.Logger
	// Verifier checks tokens sent in a WebSocket connection_init payload.
	Verifier *auth.Verifier
	// ServiceSecret is the router's credential, accepted in connection_init too.
	ServiceSecret string
	// MaxUploadBytes bounds a request body (a multipart one with its files);
	// 0 means 10 MB. A larger body is answered with 413 REQUEST_TOO_LARGE.
	MaxUploadBytes int64
	// MaxComplexity bounds an operation's complexity; 0 means 1000.
	MaxComplexity int
	// PublicIntrospection allows introspection without the service credential.
	PublicIntrospection bool
}

// New returns the handler for es with the shared behaviour applied.
func New(es graphql.ExecutableSchema, o Options) *Server {
	if o.MaxUploadBytes == 0 {
		o.MaxUploadBytes = httpserver.DefaultMaxUploadBytes
	}
	if o.MaxComplexity == 0 {
		o.MaxComplexity = 1000
	}
	srv := handler.New(es)
	srv.AddTransport(&transport.Websocket{
		InitFunc:              wsInit(o),
		KeepAlivePingInterval: 10 * time.Second,
		InitTimeout:           10 * time.Second,
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: o.MaxUploadBytes, MaxMemory: 1 << 20})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(o.MaxComplexity))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if !o.PublicIntrospection && !auth.IsService(ctx) {
			graphql.GetOperationContext(ctx).DisableIntrospection = true
		}
		return next(ctx)
	})
	srv.AroundOperations(refuseControlText(es.Schema()))
	srv.AroundOperations(refuseRevoked(o.Verifier, o.Log))
	srv.AroundRootFields(guardFederationFields)
	srv.SetErrorPresenter(presenter(o.Log))
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		o.Log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		return errors.New("panic in resolver")
	})
	return &Server{Server: srv, maxBody: o.MaxUploadBytes}
}

// guardFederationFields answers _entities and _service only to the router:
// they bypass the query root's ownership checks by design of federation.
func guardFederationFields(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc := graphql.GetRootFieldContext(ctx)
	if fc != nil && (fc.Field.Name == "_entities" || fc.Field.Name == "_service") && !auth.IsService(ctx) {
		graphql.AddError(ctx, apperr.Errorf(apperr.Forbidden, "%s is only served to the router", fc.Field.Name))
		return graphql.Null
	}
	return next(ctx)
}

// presenter turns domain errors into GraphQL errors with extensions.code and
// hides internal ones behind a generic message (logged with detail).
func presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var ae *apperr.Error
		if errors.As(err, &ae) {
			gerr.Message = ae.Message
			setCode(gerr, ae.Code)
			return gerr
		}
		if msg, code, ok := transportCode(gerr.Message); ok {
			gerr.Message = msg
			setCode(gerr, code)
			return gerr
		}
		if code, ok := gerr.Extensions["code"].(string); ok && code != "" {
			return gerr // gqlgen's own validation and parsing errors
		}
		if gerr.Message == "introspection disabled" {
			gerr.Message = "introspection is only served to the router"
			setCode(gerr, apperr.Forbidden)
			return gerr
		}
		if strings.HasPrefix(gerr.Message, "input:") || strings.Contains(gerr.Message, "must be defined") {
			setCode(gerr, apperr.Invalid) // argument coercion failed
			return gerr
		}
		if db.IsUnavailable(err) {
			// Not a bug: the database is restarting or unreachable; say so,
			// so that clients retry instead of reporting a failure.
			log.WarnContext(ctx, "database unavailable", "path", gerr.Path.String(), "err", err)
			gerr.Message = "the service's database is unavailable; try again shortly"
			setCode(gerr, apperr.Unavailable)
			return gerr
		}
		log.ErrorContext(ctx, "resolver failed", "path", gerr.Path.String(), "err", err)
		gerr.Message = "internal error"
		setCode(gerr, apperr.Internal)
		return gerr
	}
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// wsInit authenticates a WebSocket at connection_init: a bearer token under
// "Authorization" (or "authorization", "token") and the router's credential
// under "serviceToken". A bad token closes the socket with 4403.
func wsInit(o Options) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		if auth.ServiceCredentialOK(p.GetString("serviceToken"), o.ServiceSecret) {
			ctx = auth.WithService(ctx)
		}
		raw := p.Authorization()
		if raw == "" {
			raw = p.GetString("token")
		}
		raw = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(raw, "Bearer "), "bearer "))
		if raw == "" {
			return ctx, nil, nil
		}
		if o.Verifier == nil {
			return transport.WithWebsocketCloseCode(ctx, 4403), nil, errors.New("forbidden")
		}
		claims, err := o.Verifier.Verify(ctx, raw)
		if err != nil {
			return transport.WithWebsocketCloseCode(ctx, 4403), nil, errors.New("forbidden")
		}
		return auth.WithIdentity(ctx, auth.Identity{UserID: claims.Subject, Email: claims.Email}), nil, nil
	}
}
